import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { Alert } from '@material-ui/lab';
import { CocktailEntityAccess } from '@cocktailcloud/plugin-cocktail-common';

function article(role: string) {
  return /^[aeiou]/.test(role) ? 'an' : 'a';
}

/** The signed-in person's standing on the Service of the page: their role, or who to ask. */
export function YourRoleNotice(props: { access?: CocktailEntityAccess }) {
  const { access } = props;
  if (!access) {
    return null;
  }
  if (access.platformAdmin) {
    return (
      <Alert severity="info" data-testid="cocktail-your-role">
        You are a platform admin: you may do everything on every Service.
      </Alert>
    );
  }
  if (!access.service) {
    return null;
  }
  const name = access.service.title ?? access.service.entityRef;
  if (access.role) {
    const askable = access.role !== 'admin' && access.service.admins.length;
    return (
      <Alert severity="info" data-testid="cocktail-your-role">
        <Typography variant="body2" component="span">
          You are {article(access.role)} <strong>{access.role}</strong> on{' '}
          {name}.{askable ? ` For more, ask an admin of ${name}: ` : ''}
        </Typography>
        {askable ? (
          <EntityRefLinks
            entityRefs={access.service.admins}
            defaultKind="group"
          />
        ) : null}
      </Alert>
    );
  }
  return (
    <Alert severity="warning" data-testid="cocktail-your-role">
      <Typography variant="body2" component="span">
        You have no role on {name}; you can read what everyone may read. For a
        role, ask an admin of {name}:{' '}
      </Typography>
      <EntityRefLinks entityRefs={access.service.admins} defaultKind="group" />
    </Alert>
  );
}
