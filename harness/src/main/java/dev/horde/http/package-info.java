/**
 * The lean HTTP client: {@link dev.horde.http.HttpApi} over one keep-alive pool per run, recorded under the same
 * metrics as REST Assured requests, a few times cheaper per request.
 */
package dev.horde.http;
