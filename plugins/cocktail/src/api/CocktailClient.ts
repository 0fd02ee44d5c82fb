import { CocktailApiClient } from '@cocktailcloud/plugin-cocktail-common';
import { CocktailApi } from './CocktailApi';

/**
 * Talks to the `cocktail` backend plugin with the signed-in user's token: the common client,
 * given the app's `discoveryApi` and `fetchApi`.
 *
 * @public
 */
export class CocktailClient extends CocktailApiClient implements CocktailApi {}
