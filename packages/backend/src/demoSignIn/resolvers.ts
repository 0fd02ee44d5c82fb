import { NotFoundError } from '@backstage/errors';
import {
  AuthResolverContext,
  ProfileTransform,
  SignInResolver,
} from '@backstage/plugin-auth-node';
import { DemoSignInResult } from './authenticator';

async function findUser(name: string, ctx: AuthResolverContext) {
  try {
    return await ctx.findCatalogUser({ entityRef: { name } });
  } catch (error) {
    if ((error as Error)?.name === 'NotFoundError') {
      throw new NotFoundError(
        `The demo person '${name}' has no User entity user:default/${name} in the catalog; add it, or remove them from auth.providers.demo.people`,
      );
    }
    throw error;
  }
}

/** The person's name, email and picture from their User entity's `spec.profile`. */
export const demoProfileTransform: ProfileTransform<DemoSignInResult> = async (
  { person },
  ctx,
) => {
  const { entity } = await findUser(person.user, ctx);
  const profile = (entity.spec?.profile ?? {}) as {
    displayName?: string;
    email?: string;
    picture?: string;
  };
  return {
    profile: {
      displayName: profile.displayName,
      email: profile.email,
      picture: profile.picture,
    },
  };
};

/**
 * Signs the person in as their User entity, so the token carries the user and their groups
 * as ownership refs, as a real provider's does.
 */
export const signInAsDemoPerson: SignInResolver<DemoSignInResult> = async (
  { result },
  ctx,
) => ctx.signInWithCatalogUser({ entityRef: { name: result.person.user } });
