/** Database-backed authenticator, its verification cache, and the refresh-token store. */
package io.portus.auth.authn.internal;
