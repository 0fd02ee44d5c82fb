/**
 * Demo sign-in: the people of the example catalog, chosen with the `x-cocktail-demo-person`
 * header of `GET /api/auth/demo/refresh`. Only for development.
 */
export { authModuleCocktailDemoProvider as default } from './module';
