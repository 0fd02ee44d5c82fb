export interface Config {
  auth?: {
    providers?: {
      /**
       * Demo sign-in (packages/backend/src/demoSignIn): the app offers these people on its
       * sign-in page, and `GET /api/auth/demo/refresh` with the `x-cocktail-demo-person`
       * header signs one of them in through the catalog. Refused unless NODE_ENV is
       * `development` or `dangerouslyAllowOutsideDevelopment` is true.
       */
      demo?: {
        /**
         * The people one may sign in as, in the order the sign-in page lists them. Leave the
         * list empty to offer no one.
         */
        people?: Array<{
          /**
           * The name of a User entity in the default namespace, e.g. `bob` for
           * `user:default/bob`.
           * @visibility frontend
           */
          user: string;
          /**
           * Who the person is in the demo, shown next to their name, e.g. `Payments developer`.
           * @visibility frontend
           */
          description?: string;
        }>;
        /**
         * Allow demo sign-in when NODE_ENV is not `development`. Anyone who can reach the
         * backend can then sign in as any listed person.
         */
        dangerouslyAllowOutsideDevelopment?: boolean;
      };
    };
  };
}
