import { Content, Header, InfoCard, Page } from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/frontend-plugin-api';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles({ card: { maxWidth: 720 } });

/** The backend's own words for a refused sign-in, not the HTTP status line around them. */
function reasonOf(error?: Error): string {
  const cause = (error as { cause?: { message?: string } } | undefined)?.cause;
  return cause?.message ?? error?.message ?? 'Sign-in failed';
}

/** Says why signing in as `who` failed, and offers the choices again. */
export function SignInFailed(props: {
  who: string;
  error?: Error;
  onChooseAgain(): void;
}) {
  const classes = useStyles();
  const config = useApi(configApiRef);
  return (
    <Page themeId="home">
      <Header title={config.getString('app.title')} />
      <Content>
        <InfoCard
          className={classes.card}
          title={`Could not sign in as ${props.who}`}
          actions={
            <Button
              color="primary"
              variant="outlined"
              onClick={props.onChooseAgain}
            >
              Choose again
            </Button>
          }
        >
          <Typography variant="body1" color="error">
            {reasonOf(props.error)}
          </Typography>
        </InfoCard>
      </Content>
    </Page>
  );
}
