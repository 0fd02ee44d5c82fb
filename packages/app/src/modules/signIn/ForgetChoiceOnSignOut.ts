import {
  BackstageUserIdentity,
  IdentityApi,
  ProfileInfo,
} from '@backstage/frontend-plugin-api';
import { forgetSignInChoice } from './signInChoice';

// The app still calls these deprecated methods when an identity has them.
type CompatibleIdentityApi = IdentityApi & {
  getUserId?(): string;
  getIdToken?(): Promise<string | undefined>;
  getProfile?(): ProfileInfo;
};

/**
 * The identity of a signed-in guest or demo person; signing out also forgets how they signed
 * in, so the sign-in page offers every choice again.
 */
export class ForgetChoiceOnSignOut implements IdentityApi {
  constructor(private readonly identity: CompatibleIdentityApi) {}

  getUserId(): string {
    if (!this.identity.getUserId) {
      throw new Error('getUserId is not implemented');
    }
    return this.identity.getUserId();
  }

  async getIdToken(): Promise<string | undefined> {
    return this.identity.getIdToken?.();
  }

  getProfile(): ProfileInfo {
    if (!this.identity.getProfile) {
      throw new Error('getProfile is not implemented');
    }
    return this.identity.getProfile();
  }

  getProfileInfo(): Promise<ProfileInfo> {
    return this.identity.getProfileInfo();
  }

  getBackstageIdentity(): Promise<BackstageUserIdentity> {
    return this.identity.getBackstageIdentity();
  }

  getCredentials(): Promise<{ token?: string }> {
    return this.identity.getCredentials();
  }

  async signOut(): Promise<void> {
    forgetSignInChoice();
    await this.identity.signOut();
  }
}
