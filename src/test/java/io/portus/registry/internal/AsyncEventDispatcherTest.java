package io.portus.registry.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.portus.registry.event.RegistryEvent;
import io.portus.registry.event.RegistryEventJournal;
import io.portus.registry.event.RegistryEventListener;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

class AsyncEventDispatcherTest {

    private static RegistryEvent event(String id) {
        return new RegistryEvent(id, Instant.now(), RegistryEvent.PUSH, null, null, null, null);
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfBlocking() throws InterruptedException {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        BlockingQueue<String> delivered = new LinkedBlockingQueue<>();
        RegistryEventListener failing = e -> {
            throw new IllegalStateException("listener bug");
        };
        RegistryEventListener collecting = e -> delivered.add(e.id());
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("failing", failing, "collecting", collecting));
        AsyncEventDispatcher dispatcher = new AsyncEventDispatcher(2,
                beans.getBeanProvider(RegistryEventListener.class),
                beans.getBeanProvider(RegistryEventJournal.class), new RegistryMetrics(meters));
        for (String id : List.of("a", "b", "c", "d")) {
            dispatcher.accept(event(id)); // not started: nothing consumes, so c and d do not fit
        }
        assertThat(meters.counter("portus.registry.events.dropped").count()).isEqualTo(2);
        dispatcher.start();
        try {
            assertThat(delivered.poll(30, TimeUnit.SECONDS)).isEqualTo("a");
            assertThat(delivered.poll(30, TimeUnit.SECONDS)).as("a failing listener does not stop others").isEqualTo("b");
            dispatcher.accept(event("e"));
            assertThat(delivered.poll(30, TimeUnit.SECONDS)).isEqualTo("e");
        } finally {
            dispatcher.stop();
        }
        assertThat(dispatcher.isRunning()).isFalse();
    }

    @Test
    void stopDeliversWhatIsQueued() throws InterruptedException {
        BlockingQueue<String> delivered = new LinkedBlockingQueue<>();
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("l", (RegistryEventListener) e -> delivered.add(e.id())));
        AsyncEventDispatcher dispatcher = new AsyncEventDispatcher(10, beans.getBeanProvider(RegistryEventListener.class),
                beans.getBeanProvider(RegistryEventJournal.class), new RegistryMetrics(new SimpleMeterRegistry()));
        dispatcher.start();
        for (int i = 0; i < 5; i++) {
            dispatcher.accept(event("e" + i));
        }
        dispatcher.stop();
        assertThat(delivered).containsExactly("e0", "e1", "e2", "e3", "e4");
    }

    @Test
    void journalsRecordOnTheCallersThreadBeforeAcceptReturns() {
        List<String> recorded = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread caller = Thread.currentThread();
        RegistryEventJournal failing = e -> {
            throw new IllegalStateException("journal bug");
        };
        RegistryEventJournal collecting = e -> recorded.add(e.id() + (Thread.currentThread() == caller ? "@caller" : "@other"));
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("failing", failing, "collecting", collecting));
        AsyncEventDispatcher dispatcher = new AsyncEventDispatcher(10, beans.getBeanProvider(RegistryEventListener.class),
                beans.getBeanProvider(RegistryEventJournal.class), new RegistryMetrics(new SimpleMeterRegistry()));
        dispatcher.start();
        try {
            dispatcher.accept(event("j1"));
            assertThat(recorded).as("stored before accept returned, by the caller, despite a failing journal")
                    .containsExactly("j1@caller");
        } finally {
            dispatcher.stop();
        }
    }
}
