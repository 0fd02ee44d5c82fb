import { Config } from '@backstage/config';

/** The request header that names the person to sign in as. */
export const DEMO_PERSON_HEADER = 'x-cocktail-demo-person';

/** One person of `auth.providers.demo.people`. */
export interface DemoPerson {
  /** The name of a User entity in the default namespace. */
  user: string;
  /** Who the person is in the demo, e.g. `Payments developer`. */
  description?: string;
}

/** Reads `people` from the `auth.providers.demo` config. */
export function readDemoPeople(config: Config): DemoPerson[] {
  return (config.getOptionalConfigArray('people') ?? []).map(person => ({
    user: person.getString('user'),
    description: person.getOptionalString('description'),
  }));
}
