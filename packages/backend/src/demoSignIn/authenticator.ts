import { AuthenticationError, NotAllowedError } from '@backstage/errors';
import { createProxyAuthenticator } from '@backstage/plugin-auth-node';
import { DEMO_PERSON_HEADER, DemoPerson, readDemoPeople } from './people';

/** What the authenticator hands to the profile transform and the sign-in resolver. */
export interface DemoSignInResult {
  person: DemoPerson;
}

/**
 * Takes the person from the `x-cocktail-demo-person` header and accepts only the people listed
 * in config. Like the guest provider, it refuses everyone outside development unless
 * `dangerouslyAllowOutsideDevelopment` is set.
 */
export const demoAuthenticator = createProxyAuthenticator({
  defaultProfileTransform: async () => ({ profile: {} }),
  initialize({ config }) {
    return {
      people: readDemoPeople(config),
      disabled:
        process.env.NODE_ENV !== 'development' &&
        config.getOptionalBoolean('dangerouslyAllowOutsideDevelopment') !==
          true,
    };
  },
  async authenticate({ req }, { people, disabled }) {
    if (disabled) {
      throw new NotAllowedError(
        "Demo sign-in is refused outside development (NODE_ENV is not 'development'); set 'auth.providers.demo.dangerouslyAllowOutsideDevelopment: true' to allow it anyway",
      );
    }
    const allowed = people.length
      ? people.map(p => p.user).join(', ')
      : 'no one (auth.providers.demo.people is empty)';
    const name = req.header(DEMO_PERSON_HEADER)?.trim();
    if (!name) {
      throw new AuthenticationError(
        `Demo sign-in needs the ${DEMO_PERSON_HEADER} header naming one of the demo people: ${allowed}`,
      );
    }
    const person = people.find(
      p =>
        p.user.toLocaleLowerCase('en-US') === name.toLocaleLowerCase('en-US'),
    );
    if (!person) {
      throw new AuthenticationError(
        `'${name}' is not a demo person; the ${DEMO_PERSON_HEADER} header must name one of: ${allowed}`,
      );
    }
    return { result: { person } };
  },
});
