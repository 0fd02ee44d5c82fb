export interface Config {
  app?: {
    signIn?: {
      /** Single sign-on through the backend's `oidc` provider (`auth.providers.oidc`). */
      oidc?: {
        /**
         * The title of the sign-in page's single sign-on card, e.g. `Example Corp SSO`; the
         * card is offered only when this is set.
         * @visibility frontend
         */
        title?: string;
      };
    };
  };
  auth?: {
    providers?: {
      /** Demo sign-in; the backend's config.d.ts describes it in full. */
      demo?: {
        /**
         * The people the sign-in page offers, in this order; each signs in through the backend's
         * `demo` provider. Empty or absent (as in production): the page offers only the
         * regular providers.
         */
        people?: Array<{
          /**
           * The name of a User entity in the default namespace, e.g. `bob`.
           * @visibility frontend
           */
          user: string;
          /**
           * Who the person is in the demo, shown next to their name, e.g. `Payments developer`.
           * @visibility frontend
           */
          description?: string;
        }>;
      };
    };
  };
}
