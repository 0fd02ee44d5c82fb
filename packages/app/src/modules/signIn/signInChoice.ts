import { ConfigApi } from '@backstage/frontend-plugin-api';

/** The request header that names the person to the backend's `demo` provider. */
export const DEMO_PERSON_HEADER = 'x-cocktail-demo-person';

/** Where the choice is kept, so a reload signs the same person in again. */
export const SIGN_IN_CHOICE_KEY = 'cocktail:sign-in-choice';

/** One person of `auth.providers.demo.people`. */
export interface DemoPerson {
  /** The name of a User entity in the default namespace, e.g. `bob`. */
  user: string;
  /** Who the person is in the demo, e.g. `Payments developer`. */
  description?: string;
}

/** How the user chose to sign in: as a guest, as one of the demo people, or single sign-on. */
export type SignInChoice =
  | { provider: 'guest' }
  | { provider: 'demo'; person: string }
  | { provider: 'oidc' };

/** The demo people from config; none when `auth.providers.demo.people` is empty or absent. */
export function readDemoPeople(config: ConfigApi): DemoPerson[] {
  return (
    config.getOptionalConfigArray('auth.providers.demo.people') ?? []
  ).map(person => ({
    user: person.getString('user'),
    description: person.getOptionalString('description'),
  }));
}

/** `bob` → `Bob`: how the sign-in page names a person before anyone is signed in. */
export function personName(person: DemoPerson): string {
  return (
    person.user.charAt(0).toLocaleUpperCase('en-US') + person.user.slice(1)
  );
}

/** `Bob — Payments developer`, or `Bob` without a description. */
export function personLabel(person: DemoPerson): string {
  return person.description
    ? `${personName(person)} — ${person.description}`
    : personName(person);
}

/** The remembered choice, if it is still on offer: a person removed from config is forgotten. */
export function readSignInChoice(
  people: DemoPerson[],
  singleSignOn = false,
): SignInChoice | undefined {
  let choice: SignInChoice | undefined;
  try {
    choice = JSON.parse(localStorage.getItem(SIGN_IN_CHOICE_KEY) ?? 'null');
  } catch {
    choice = undefined;
  }
  if (
    choice?.provider === 'guest' ||
    (choice?.provider === 'oidc' && singleSignOn)
  ) {
    return choice;
  }
  if (
    choice?.provider === 'demo' &&
    people.some(person => person.user === choice.person)
  ) {
    return choice;
  }
  forgetSignInChoice();
  return undefined;
}

export function rememberSignInChoice(choice: SignInChoice) {
  localStorage.setItem(SIGN_IN_CHOICE_KEY, JSON.stringify(choice));
}

export function forgetSignInChoice() {
  localStorage.removeItem(SIGN_IN_CHOICE_KEY);
}
