import { useApi } from '@backstage/core-plugin-api';
import TextField from '@material-ui/core/TextField';
import { useState } from 'react';
import { cocktailApiRef } from '../../api';
import { changedImages, describeRollingUpdate } from './describeChanges';
import { OperationDialog } from './OperationDialog';
import { RolloutProgress } from './RolloutProgress';
import { ScanGateNotice } from './ScanGateNotice';
import { OperationProps, summarizeResult } from './types';
import { useScanGate } from './useScanGate';

const IMAGE = /^[^\s@]+(@sha256:[0-9a-f]{64})?$/;

/** Rolling update: new images per container; the image scan gate checks the new ones. */
export function RollingUpdateOperation(props: OperationProps) {
  const api = useApi(cocktailApiRef);
  const { status } = props;
  const [images, setImages] = useState<Record<string, string>>(() =>
    Object.fromEntries((status?.images ?? []).map(i => [i.container, i.image])),
  );
  const changed = status ? changedImages(status, images) : {};
  const bad = Object.entries(changed).find(
    ([, image]) => !IMAGE.test(image) || !/[:@]/.test(image),
  );
  const complete = !bad && Object.keys(changed).length > 0;
  const changedKey = JSON.stringify(changed);
  const scanGate = useScanGate(
    props.entity,
    props.open && complete
      ? () => api.rollingUpdate(props.server, changed, { dryRun: true })
      : undefined,
    [api, props.open, props.server.namespace, props.server.name, changedKey],
  );
  let invalidReason: string | undefined;
  if (bad) {
    invalidReason = `${bad[0]}: enter an image with a tag or digest, such as registry.example.com/app:1.2.3.`;
  } else if (Object.keys(changed).length === 0) {
    invalidReason = 'Change at least one container image.';
  } else {
    invalidReason = scanGate.invalidReason;
  }
  return (
    <OperationDialog
      open={props.open}
      onClose={props.onClose}
      title={`Rolling update of ${props.server.name}`}
      form={
        <>
          {(status?.images ?? []).map(({ container }) => (
            <TextField
              key={container}
              id={`cocktail-image-${container}`}
              label={`Image of container ${container}`}
              value={images[container] ?? ''}
              onChange={e =>
                setImages({ ...images, [container]: e.target.value })
              }
              fullWidth
              margin="normal"
              variant="outlined"
              size="small"
            />
          ))}
          {scanGate.gate && (
            <ScanGateNotice
              gate={scanGate.gate}
              canOverride={scanGate.canOverride}
              override={scanGate.override}
              onOverrideChange={scanGate.setOverride}
              action="Update"
            />
          )}
        </>
      }
      invalidReason={invalidReason}
      changes={
        status && !invalidReason ? describeRollingUpdate(status, changed) : []
      }
      confirmLabel="Update images"
      run={() => api.rollingUpdate(props.server, changed, scanGate.fields)}
      renderResult={result => (
        <RolloutProgress status={status} summary={summarizeResult(result)} />
      )}
    />
  );
}
