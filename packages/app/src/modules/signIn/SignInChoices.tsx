import {
  Content,
  Header,
  InfoCard,
  Page,
  coreComponentsTranslationRef,
} from '@backstage/core-components';
import {
  configApiRef,
  useApi,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import Avatar from '@material-ui/core/Avatar';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemAvatar from '@material-ui/core/ListItemAvatar';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import ChevronRightIcon from '@material-ui/icons/ChevronRight';
import { ReactNode } from 'react';
import {
  DemoPerson,
  SignInChoice,
  personLabel,
  personName,
} from './signInChoice';

const useStyles = makeStyles(theme => ({
  // The same list of cards as Backstage's own sign-in page.
  container: { padding: 0, listStyle: 'none' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    width: '100%',
    maxWidth: 400,
    margin: 0,
    padding: 0,
  },
  people: { maxWidth: 480 },
  avatar: {
    width: 36,
    height: 36,
    fontSize: theme.typography.body1.fontSize,
    color: theme.palette.primary.contrastText,
    backgroundColor: theme.palette.primary.main,
  },
}));

function CardItem(props: { className?: string; children: ReactNode }) {
  const classes = useStyles();
  return (
    <Grid
      component="li"
      item
      classes={{ item: classes.item }}
      className={props.className}
    >
      {props.children}
    </Grid>
  );
}

function GuestCard(props: { onChoose(choice: SignInChoice): void }) {
  const { t } = useTranslationRef(coreComponentsTranslationRef);
  return (
    <InfoCard
      title={t('signIn.guestProvider.title')}
      actions={
        <Button
          color="primary"
          variant="outlined"
          onClick={() => props.onChoose({ provider: 'guest' })}
        >
          {t('signIn.guestProvider.enter')}
        </Button>
      }
    >
      <Typography variant="body1" style={{ whiteSpace: 'pre-line' }}>
        {t('signIn.guestProvider.subtitle')}
      </Typography>
    </InfoCard>
  );
}

function SingleSignOnCard(props: {
  title: string;
  onChoose(choice: SignInChoice): void;
}) {
  return (
    <InfoCard
      title={props.title}
      actions={
        <Button
          color="primary"
          variant="contained"
          onClick={() => props.onChoose({ provider: 'oidc' })}
        >
          Sign in
        </Button>
      }
    >
      <Typography variant="body1">
        Sign in with your organization's account.
      </Typography>
    </InfoCard>
  );
}

function DemoPeopleCard(props: {
  people: DemoPerson[];
  onChoose(choice: SignInChoice): void;
}) {
  const classes = useStyles();
  return (
    <InfoCard
      title="Demo people"
      subheader="Sign in as a person of the example catalog: their groups and Service roles decide what they may do. For development only."
      noPadding
    >
      <List>
        {props.people.map(person => (
          <ListItem
            key={person.user}
            button
            aria-label={personLabel(person)}
            onClick={() =>
              props.onChoose({ provider: 'demo', person: person.user })
            }
          >
            <ListItemAvatar>
              <Avatar className={classes.avatar} aria-hidden>
                {personName(person).charAt(0)}
              </Avatar>
            </ListItemAvatar>
            <ListItemText
              primary={personName(person)}
              secondary={person.description}
            />
            <ChevronRightIcon color="action" />
          </ListItem>
        ))}
      </List>
    </InfoCard>
  );
}

/**
 * The ways to sign in: single sign-on when `app.signIn.oidc.title` names it, as a guest (not in
 * production, where the backend refuses guests), and as each demo person when config lists any.
 */
export function SignInChoices(props: {
  people: DemoPerson[];
  singleSignOnTitle?: string;
  onChoose(choice: SignInChoice): void;
}) {
  const classes = useStyles();
  const config = useApi(configApiRef);
  return (
    <Page themeId="home">
      <Header title={config.getString('app.title')} />
      <Content>
        <Grid
          container
          spacing={2}
          alignItems="flex-start"
          component="ul"
          classes={{ container: classes.container }}
        >
          {props.singleSignOnTitle && (
            <CardItem>
              <SingleSignOnCard
                title={props.singleSignOnTitle}
                onChoose={props.onChoose}
              />
            </CardItem>
          )}
          {config.getOptionalString('auth.environment') !== 'production' && (
            <CardItem>
              <GuestCard onChoose={props.onChoose} />
            </CardItem>
          )}
          {props.people.length > 0 && (
            <CardItem className={classes.people}>
              <DemoPeopleCard people={props.people} onChoose={props.onChoose} />
            </CardItem>
          )}
        </Grid>
      </Content>
    </Page>
  );
}
