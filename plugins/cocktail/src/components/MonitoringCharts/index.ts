export { MonitoringHistory } from './MonitoringHistory';
