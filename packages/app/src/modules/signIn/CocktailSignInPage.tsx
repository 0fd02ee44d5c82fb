import { ProxiedSignInPage } from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/frontend-plugin-api';
import { SignInPageProps } from '@backstage/plugin-app-react';
import { IdentityApi } from '@backstage/core-plugin-api';
import { useCallback, useMemo, useState } from 'react';
import { ForgetChoiceOnSignOut } from './ForgetChoiceOnSignOut';
import { singleSignOnTitle } from './oidcAuthApi';
import { OidcSignIn } from './OidcSignIn';
import { SignInChoices } from './SignInChoices';
import { SignInFailed } from './SignInFailed';
import {
  DEMO_PERSON_HEADER,
  SignInChoice,
  forgetSignInChoice,
  personName,
  readDemoPeople,
  readSignInChoice,
  rememberSignInChoice,
} from './signInChoice';

/**
 * Single sign-on through the backend's `oidc` provider when `app.signIn.oidc.title` is set,
 * guest sign-in, and sign-in as each person of `auth.providers.demo.people` through the
 * backend's `demo` provider. The choice is remembered, so a reload signs the same person in
 * again, until they sign out.
 */
export function CocktailSignInPage(props: SignInPageProps) {
  const config = useApi(configApiRef);
  const people = useMemo(() => readDemoPeople(config), [config]);
  const ssoTitle = singleSignOnTitle(config);
  // The choice remembered from before a reload, if still on offer: its session is restored.
  const [remembered] = useState(() => readSignInChoice(people, !!ssoTitle));
  const [choice, setChoice] = useState(remembered);
  const restoring = choice !== undefined && choice === remembered;

  const ErrorComponent = useMemo(() => {
    const person = people.find(
      p => choice?.provider === 'demo' && p.user === choice.person,
    );
    let who = 'a guest';
    if (choice?.provider === 'oidc') {
      who = `yourself through ${ssoTitle}`;
    } else if (person) {
      who = personName(person);
    }
    return ({ error }: { error?: Error }) => (
      <SignInFailed
        who={who}
        error={error}
        onChooseAgain={() => {
          forgetSignInChoice();
          setChoice(undefined);
        }}
      />
    );
  }, [people, choice, ssoTitle]);

  const signedIn = props.onSignInSuccess;
  const onSignInSuccess = useCallback(
    (identity: IdentityApi) => signedIn(new ForgetChoiceOnSignOut(identity)),
    [signedIn],
  );

  if (!choice) {
    return (
      <SignInChoices
        people={people}
        singleSignOnTitle={ssoTitle}
        onChoose={(chosen: SignInChoice) => {
          rememberSignInChoice(chosen);
          setChoice(chosen);
        }}
      />
    );
  }

  if (choice.provider === 'oidc') {
    return (
      <OidcSignIn
        restoring={restoring}
        onSignInSuccess={onSignInSuccess}
        ErrorComponent={ErrorComponent}
      />
    );
  }

  return (
    <ProxiedSignInPage
      key={JSON.stringify(choice)}
      provider={choice.provider}
      headers={
        choice.provider === 'demo'
          ? { [DEMO_PERSON_HEADER]: choice.person }
          : undefined
      }
      onSignInSuccess={onSignInSuccess}
      ErrorComponent={ErrorComponent}
    />
  );
}
