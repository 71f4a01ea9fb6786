/**
 * Measuring REST Assured: a global filter that times each request of a virtual user, a client per user, and the
 * checks of the Groovy and HttpClient versions REST Assured brings. Internal: not part of Horde's API, may change in any release without notice.
 */
package dev.horde.internal.restassured;
