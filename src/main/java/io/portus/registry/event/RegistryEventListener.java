package io.portus.registry.event;

/**
 * Receives registry events. Every bean implementing this interface is called, one event at a time, from
 * the registry's event dispatcher thread (in no guaranteed order between listeners). A listener must be
 * quick or hand the event on (durable delivery belongs to the listener); an exception it throws is
 * logged and does not affect other listeners or the request that caused the event.
 *
 * <p>The dispatcher queue is bounded: when listeners fall behind, new events are dropped and counted
 * ({@code portus.registry.events.dropped}) rather than slowing the registry down.
 */
@FunctionalInterface
public interface RegistryEventListener {

    void onEvent(RegistryEvent event);
}
