import { CocktailRole } from './roles';

/**
 * One permission's decision for the signed-in person on one entity, with the reason when refused.
 *
 * @public
 */
export interface CocktailPermissionDecision {
  allowed: boolean;
  /** Why not, in a sentence that names the role needed and the person's role. */
  reason?: string;
}

/**
 * `GET /api/cocktail/access?entityRef=`: what the signed-in person may do on an entity and why,
 * decided by the portal's permission policy.
 *
 * @public
 */
export interface CocktailEntityAccess {
  entityRef: string;
  /** The Service the entity belongs to (itself, its ServiceMap's, …), when it belongs to one. */
  service?: {
    entityRef: string;
    title?: string;
    /** Who to ask for a role: the Service's owner and admin members. */
    admins: string[];
  };
  /** The person's role on that Service; absent when they have none. */
  role?: CocktailRole;
  platformAdmin: boolean;
  /** By permission name, e.g. `cocktail.server.scale`. */
  permissions: Record<string, CocktailPermissionDecision>;
}
