import { discoveryApiRef, IdentityApi } from '@backstage/frontend-plugin-api';
import {
  mockApis,
  registerMswTestHooks,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { CocktailSignInPage } from './CocktailSignInPage';
import { oidcAuthApiRef } from './oidcAuthApi';
import { SIGN_IN_CHOICE_KEY } from './signInChoice';

const AUTH_URL = 'http://localhost:7007/api/auth';

const server = setupServer();
registerMswTestHooks(server);

const people = [
  { user: 'erin', description: 'Platform admin' },
  { user: 'bob', description: 'Payments developer' },
  { user: 'carol', description: 'Payments viewer' },
];

/** A session as the auth backend's refresh endpoint returns it, with a token that expires. */
function session(userEntityRef: string, ownershipEntityRefs: string[]) {
  const payload = Buffer.from(
    JSON.stringify({ sub: userEntityRef, exp: Date.now() / 1000 + 3600 }),
  ).toString('base64url');
  return {
    profile: { displayName: 'Bob Lee', email: 'bob@example.com' },
    backstageIdentity: {
      token: `header.${payload}.signature`,
      identity: { type: 'user', userEntityRef, ownershipEntityRefs },
    },
  };
}

/** The auth backend: the demo provider signs in bob and carol; the persons asked for are kept. */
function givenAuthBackend() {
  const asked: Array<string | null> = [];
  server.use(
    http.get(`${AUTH_URL}/demo/refresh`, ({ request }) => {
      const person = request.headers.get('x-cocktail-demo-person');
      asked.push(person);
      if (person !== 'bob' && person !== 'carol') {
        return HttpResponse.json(
          {
            error: {
              name: 'AuthenticationError',
              message: `'${person}' is not a demo person; the x-cocktail-demo-person header must name one of: bob, carol`,
            },
            response: { statusCode: 401 },
          },
          { status: 401 },
        );
      }
      return HttpResponse.json(
        session(`user:default/${person}`, [
          `user:default/${person}`,
          'group:default/payments-devs',
        ]),
      );
    }),
    http.get(`${AUTH_URL}/guest/refresh`, () =>
      HttpResponse.json(
        session('user:development/guest', ['user:development/guest']),
      ),
    ),
  );
  return { asked };
}

/**
 * The OIDC auth API as the sign-in page uses it. A test double: the real one opens the identity
 * provider's popup, which the end-to-end tests drive.
 */
function fakeOidcAuthApi(outcome: 'signed-in' | Error = 'signed-in') {
  const identity = {
    type: 'user' as const,
    userEntityRef: 'user:default/alice',
    ownershipEntityRefs: ['user:default/alice', 'group:default/payments-team'],
  };
  return {
    getBackstageIdentity: jest.fn(async () => {
      if (outcome instanceof Error) {
        throw outcome;
      }
      return { id: 'alice', token: 'header.e30.signature', identity };
    }),
    getProfile: jest.fn(async () => ({
      displayName: 'Alice Kim',
      email: 'alice@example.com',
    })),
    signOut: jest.fn(async () => {}),
    getIdToken: jest.fn(),
    sessionState$: jest.fn(),
    signIn: jest.fn(),
  };
}

async function renderSignInPage(
  options: {
    demoPeople?: object[];
    singleSignOn?: ReturnType<typeof fakeOidcAuthApi>;
    environment?: string;
  } = {},
) {
  const onSignInSuccess = jest.fn<void, [IdentityApi]>();
  await renderInTestApp(
    <CocktailSignInPage onSignInSuccess={onSignInSuccess} />,
    {
      config: {
        app: {
          title: 'Cocktail for Backstage',
          ...(options.singleSignOn && {
            signIn: { oidc: { title: 'Example Corp SSO' } },
          }),
        },
        auth: {
          ...(options.environment && { environment: options.environment }),
          ...(options.demoPeople && {
            providers: { demo: { people: options.demoPeople } },
          }),
        },
      },
      apis: [
        [
          discoveryApiRef,
          mockApis.discovery({ baseUrl: 'http://localhost:7007' }),
        ],
        [oidcAuthApiRef, options.singleSignOn ?? fakeOidcAuthApi()] as any,
      ],
    },
  );
  return { onSignInSuccess };
}

async function signedInIdentity(onSignInSuccess: jest.Mock) {
  await waitFor(() => expect(onSignInSuccess).toHaveBeenCalledTimes(1));
  return onSignInSuccess.mock.calls[0][0] as IdentityApi;
}

describe('CocktailSignInPage', () => {
  beforeEach(() => {
    localStorage.clear();
  });

  it('offers guest sign-in and one entry per demo person with their description', async () => {
    await renderSignInPage({ demoPeople: people });

    expect(
      await screen.findByRole('button', { name: 'Enter' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/Enter as a Guest User/)).toBeInTheDocument();
    expect(screen.getByText('Demo people')).toBeInTheDocument();
    for (const name of [
      'Erin — Platform admin',
      'Bob — Payments developer',
      'Carol — Payments viewer',
    ]) {
      expect(screen.getByRole('button', { name })).toBeInTheDocument();
    }
  });

  it('offers only guest sign-in when config lists no demo people', async () => {
    await renderSignInPage({ demoPeople: [] });

    expect(
      await screen.findByRole('button', { name: 'Enter' }),
    ).toBeInTheDocument();
    expect(screen.queryByText('Demo people')).not.toBeInTheDocument();
    expect(screen.getAllByRole('button')).toHaveLength(1);
  });

  it('signs the chosen person in through the demo provider and remembers them', async () => {
    const { asked } = givenAuthBackend();
    const { onSignInSuccess } = await renderSignInPage({ demoPeople: people });

    fireEvent.click(
      await screen.findByRole('button', { name: 'Bob — Payments developer' }),
    );

    const identity = await signedInIdentity(onSignInSuccess);
    expect(asked).toEqual(['bob']);
    expect(await identity.getBackstageIdentity()).toEqual({
      type: 'user',
      userEntityRef: 'user:default/bob',
      ownershipEntityRefs: ['user:default/bob', 'group:default/payments-devs'],
    });
    expect(await identity.getProfileInfo()).toMatchObject({
      displayName: 'Bob Lee',
    });
    expect(JSON.parse(localStorage.getItem(SIGN_IN_CHOICE_KEY)!)).toEqual({
      provider: 'demo',
      person: 'bob',
    });
  });

  it('signs the remembered person in again after a reload, without offering the choices', async () => {
    const { asked } = givenAuthBackend();
    localStorage.setItem(
      SIGN_IN_CHOICE_KEY,
      JSON.stringify({ provider: 'demo', person: 'carol' }),
    );
    const { onSignInSuccess } = await renderSignInPage({ demoPeople: people });

    const identity = await signedInIdentity(onSignInSuccess);
    expect(asked).toEqual(['carol']);
    expect((await identity.getBackstageIdentity()).userEntityRef).toBe(
      'user:default/carol',
    );
    expect(screen.queryByText('Demo people')).not.toBeInTheDocument();
  });

  it('forgets the person on sign-out', async () => {
    givenAuthBackend();
    const { onSignInSuccess } = await renderSignInPage({ demoPeople: people });
    fireEvent.click(
      await screen.findByRole('button', { name: 'Bob — Payments developer' }),
    );
    const identity = await signedInIdentity(onSignInSuccess);

    await identity.signOut();

    expect(localStorage.getItem(SIGN_IN_CHOICE_KEY)).toBeNull();
  });

  it('offers the choices again when the remembered person is no longer in config', async () => {
    const { asked } = givenAuthBackend();
    localStorage.setItem(
      SIGN_IN_CHOICE_KEY,
      JSON.stringify({ provider: 'demo', person: 'dave' }),
    );
    await renderSignInPage({ demoPeople: people });

    expect(await screen.findByText('Demo people')).toBeInTheDocument();
    expect(asked).toEqual([]);
    expect(localStorage.getItem(SIGN_IN_CHOICE_KEY)).toBeNull();
  });

  it('signs a guest in through the guest provider and remembers it', async () => {
    givenAuthBackend();
    const { onSignInSuccess } = await renderSignInPage({ demoPeople: people });

    fireEvent.click(await screen.findByRole('button', { name: 'Enter' }));

    const identity = await signedInIdentity(onSignInSuccess);
    expect((await identity.getBackstageIdentity()).userEntityRef).toBe(
      'user:development/guest',
    );
    expect(JSON.parse(localStorage.getItem(SIGN_IN_CHOICE_KEY)!)).toEqual({
      provider: 'guest',
    });
  });

  it("shows the backend's reason when sign-in is refused, and offers the choices again", async () => {
    givenAuthBackend();
    // The backend's config lists erin; this test's auth backend does not sign her in.
    const { onSignInSuccess } = await renderSignInPage({ demoPeople: people });
    fireEvent.click(
      await screen.findByRole('button', { name: 'Erin — Platform admin' }),
    );

    expect(
      await screen.findByText('Could not sign in as Erin'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        "'erin' is not a demo person; the x-cocktail-demo-person header must name one of: bob, carol",
      ),
    ).toBeInTheDocument();
    expect(onSignInSuccess).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('button', { name: 'Choose again' }));

    expect(await screen.findByText('Demo people')).toBeInTheDocument();
    expect(localStorage.getItem(SIGN_IN_CHOICE_KEY)).toBeNull();
  });

  describe('single sign-on', () => {
    it('is offered first when app.signIn.oidc.title names it', async () => {
      await renderSignInPage({
        demoPeople: [],
        singleSignOn: fakeOidcAuthApi(),
      });
      expect(await screen.findByText('Example Corp SSO')).toBeInTheDocument();
      expect(
        screen.getAllByRole('button').map(button => button.textContent),
      ).toEqual(['Sign in', 'Enter']);
    });

    it('is the only way in, in production', async () => {
      await renderSignInPage({
        singleSignOn: fakeOidcAuthApi(),
        environment: 'production',
      });
      expect(await screen.findByText('Example Corp SSO')).toBeInTheDocument();
      expect(
        screen.getAllByRole('button').map(button => button.textContent),
      ).toEqual(['Sign in']);
    });

    it("signs the person in through the provider's popup and remembers the choice", async () => {
      const sso = fakeOidcAuthApi();
      const { onSignInSuccess } = await renderSignInPage({
        singleSignOn: sso,
      });

      fireEvent.click(await screen.findByRole('button', { name: 'Sign in' }));

      const identity = await signedInIdentity(onSignInSuccess);
      expect(sso.getBackstageIdentity).toHaveBeenCalledWith({
        instantPopup: true,
      });
      expect((await identity.getBackstageIdentity()).userEntityRef).toBe(
        'user:default/alice',
      );
      expect((await identity.getProfileInfo()).displayName).toBe('Alice Kim');
      expect(JSON.parse(localStorage.getItem(SIGN_IN_CHOICE_KEY)!)).toEqual({
        provider: 'oidc',
      });
    });

    it('restores the session after a reload without a popup', async () => {
      localStorage.setItem(
        SIGN_IN_CHOICE_KEY,
        JSON.stringify({ provider: 'oidc' }),
      );
      const sso = fakeOidcAuthApi();
      const { onSignInSuccess } = await renderSignInPage({
        singleSignOn: sso,
      });

      await signedInIdentity(onSignInSuccess);
      expect(sso.getBackstageIdentity).toHaveBeenCalledWith({
        optional: true,
      });
    });

    it("shows the provider's refusal and offers the choices again", async () => {
      const sso = fakeOidcAuthApi(
        new Error(
          'Login failed; caused by Error: Failed to sign-in, unable to resolve user identity',
        ),
      );
      const { onSignInSuccess } = await renderSignInPage({
        singleSignOn: sso,
      });
      fireEvent.click(await screen.findByRole('button', { name: 'Sign in' }));

      expect(
        await screen.findByText(
          'Could not sign in as yourself through Example Corp SSO',
        ),
      ).toBeInTheDocument();
      expect(
        screen.getByText(/unable to resolve user identity/),
      ).toBeInTheDocument();
      expect(onSignInSuccess).not.toHaveBeenCalled();
      fireEvent.click(screen.getByRole('button', { name: 'Choose again' }));
      expect(await screen.findByText('Example Corp SSO')).toBeInTheDocument();
    });
  });
});
