export interface Config {
  cocktail?: {
    scaffolder?: {
      /**
       * A directory standing in for Git repositories on portals without a Git server:
       * `cocktail:publish:directory` writes each repository into it, and the catalog reads every
       * `<repository>/catalog-info.yaml` in it. Relative paths start at the backend's working
       * directory.
       */
      publishDirectory?: string;
    };
  };
}
