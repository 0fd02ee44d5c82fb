import { Progress, UserIdentity } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import { IdentityApi } from '@backstage/core-plugin-api';
import { ComponentType, useEffect, useState } from 'react';
import { oidcAuthApiRef } from './oidcAuthApi';

/**
 * Signs in through the backend's `oidc` provider: silently when a session is still open (a
 * reload), otherwise in the identity provider's popup.
 */
export function OidcSignIn(props: {
  /** False right after the person chose single sign-on: open the popup at once. */
  restoring: boolean;
  onSignInSuccess(identity: IdentityApi): void;
  ErrorComponent: ComponentType<{ error?: Error }>;
}) {
  const authApi = useApi(oidcAuthApiRef);
  const [error, setError] = useState<Error>();
  const { restoring, onSignInSuccess } = props;

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const identity = await authApi.getBackstageIdentity(
        restoring ? { optional: true } : { instantPopup: true },
      );
      if (!identity) {
        throw new Error('The single sign-on session has ended; sign in again');
      }
      const profile = await authApi.getProfile();
      if (!cancelled) {
        onSignInSuccess(
          UserIdentity.create({
            identity: identity.identity,
            authApi,
            profile,
          }),
        );
      }
    })().catch(failure => {
      if (!cancelled) {
        setError(failure);
      }
    });
    return () => {
      cancelled = true;
    };
  }, [authApi, restoring, onSignInSuccess]);

  return error ? <props.ErrorComponent error={error} /> : <Progress />;
}
