import { ResponseError } from '@backstage/errors';
import { CocktailApiClientOptions, CocktailRequestOptions } from './requests';

/** Requests to the `cocktail` backend: its URL from discovery, JSON in and out, errors thrown. */
export class CocktailHttp {
  constructor(private readonly options: CocktailApiClientOptions) {}

  /** A change the backend answers with `{ result }`. */
  async result<T>(
    path: string,
    body: object,
    options?: CocktailRequestOptions,
  ): Promise<T> {
    return (await this.post<{ result: T }>(path, body, options)).result;
  }

  async get<T>(path: string, options?: CocktailRequestOptions) {
    return this.json<T>('GET', path, undefined, options);
  }

  async post<T>(path: string, body: object, options?: CocktailRequestOptions) {
    return this.json<T>('POST', path, body, options);
  }

  async json<T>(
    method: string,
    path: string,
    body: object | undefined,
    options?: CocktailRequestOptions,
  ): Promise<T> {
    return (await this.request(method, path, body, options)).json();
  }

  async request(
    method: string,
    path: string,
    body: object | undefined,
    options?: CocktailRequestOptions,
  ): Promise<Response> {
    const headers: Record<string, string> = {};
    if (options?.token) {
      headers.Authorization = `Bearer ${options.token}`;
    }
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    const baseUrl = await this.options.discoveryApi.getBaseUrl('cocktail');
    const response = await this.options.fetchApi.fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}
