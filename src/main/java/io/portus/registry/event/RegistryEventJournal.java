package io.portus.registry.event;

/**
 * Stores registry events durably before the request that caused them is answered: every bean implementing this
 * interface is called on the request's thread, after the storage change and before the response, for every
 * event (also pulls and blob events, which it should skip cheaply). So a push or delete that got its 2xx has
 * its event stored even if the instance is killed right after. It must be quick (one database write for the
 * events it keeps) and must not throw: when it cannot store, it keeps the event for a retry itself.
 */
@FunctionalInterface
public interface RegistryEventJournal {

    void record(RegistryEvent event);
}
