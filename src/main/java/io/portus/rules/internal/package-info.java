/** The rules' storage, their {@link io.portus.registry.PushRules} implementation and the usage recount. */
package io.portus.rules.internal;
