import Button from '@material-ui/core/Button';
import ButtonGroup from '@material-ui/core/ButtonGroup';
import { MonitoringRange } from '@cocktailcloud/plugin-cocktail-common';

export const RANGES: MonitoringRange[] = ['1h', '6h', '24h', '7d'];

/** The chart range, as buttons: the chosen one is filled. */
export function RangePicker(props: {
  value: MonitoringRange;
  onChange: (range: MonitoringRange) => void;
}) {
  return (
    <ButtonGroup size="small" color="primary" aria-label="Chart range">
      {RANGES.map(range => (
        <Button
          key={range}
          variant={range === props.value ? 'contained' : 'outlined'}
          aria-pressed={range === props.value}
          onClick={() => props.onChange(range)}
        >
          {range}
        </Button>
      ))}
    </ButtonGroup>
  );
}
