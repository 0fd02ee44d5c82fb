import { ProxiedSignInPage } from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/frontend-plugin-api';
import { SignInPageProps } from '@backstage/plugin-app-react';
import { useMemo, useState } from 'react';
import { ForgetChoiceOnSignOut } from './ForgetChoiceOnSignOut';
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
 * Guest sign-in, and sign-in as each person of `auth.providers.demo.people` through the
 * backend's `demo` provider. The choice is remembered, so a reload signs the same person in
 * again, until they sign out.
 */
export function CocktailSignInPage(props: SignInPageProps) {
  const config = useApi(configApiRef);
  const people = useMemo(() => readDemoPeople(config), [config]);
  const [choice, setChoice] = useState(() => readSignInChoice(people));

  const ErrorComponent = useMemo(() => {
    const person = people.find(
      p => choice?.provider === 'demo' && p.user === choice.person,
    );
    const who = person ? personName(person) : 'a guest';
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
  }, [people, choice]);

  if (!choice) {
    return (
      <SignInChoices
        people={people}
        onChoose={(chosen: SignInChoice) => {
          rememberSignInChoice(chosen);
          setChoice(chosen);
        }}
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
      onSignInSuccess={identity =>
        props.onSignInSuccess(new ForgetChoiceOnSignOut(identity))
      }
      ErrorComponent={ErrorComponent}
    />
  );
}
