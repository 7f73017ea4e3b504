/** SQL for registries and namespaces, the registry probe, and the upkeep of personal and global namespaces. */
package io.portus.namespace.internal;
