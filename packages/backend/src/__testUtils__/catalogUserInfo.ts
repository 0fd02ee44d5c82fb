import {
  BackstageUserInfo,
  coreServices,
  createServiceFactory,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import fs from 'node:fs';
import { parseAllDocuments } from 'yaml';

/**
 * A test double for Backstage's user info service. The real one reads a person's ownership refs
 * from their sign-in token; the test backend's mock tokens carry none, so this one gives each
 * user what the catalog sign-in resolver (`signInWithCatalogUser`) would put in their token:
 * their own ref and the groups of their `spec.memberOf`, read from the given catalog files.
 */
export function catalogUserInfoFactory(orgFiles: string[]) {
  const groupsByUser = new Map<string, string[]>();
  for (const file of orgFiles) {
    for (const document of parseAllDocuments(fs.readFileSync(file, 'utf8'))) {
      const entity = document.toJS();
      if (entity?.kind !== 'User') continue;
      const namespace = entity.metadata.namespace ?? 'default';
      groupsByUser.set(
        stringifyEntityRef({
          kind: 'User',
          namespace,
          name: entity.metadata.name,
        }),
        (entity.spec?.memberOf ?? []).map((group: string) =>
          stringifyEntityRef({
            kind: 'Group',
            namespace: group.includes('/') ? group.split('/')[0] : namespace,
            name: group.replace(/^.*\//, '').replace(/^group:/, ''),
          }),
        ),
      );
    }
  }
  const service: UserInfoService = {
    async getUserInfo(credentials): Promise<BackstageUserInfo> {
      const userEntityRef = (credentials as any).principal.userEntityRef;
      return {
        userEntityRef,
        ownershipEntityRefs: [
          userEntityRef,
          ...(groupsByUser.get(userEntityRef) ?? []),
        ],
      };
    },
  };
  return createServiceFactory({
    service: coreServices.userInfo,
    deps: {},
    factory: () => service,
  });
}
