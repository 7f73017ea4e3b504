/** Adapters from the domain modules to the token service's contracts (e.g. {@link io.portus.auth.RegistryLookup}). */
package io.portus.auth.internal;
