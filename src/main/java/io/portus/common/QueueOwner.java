package io.portus.common;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;

/**
 * A bean that hands work to its own {@link BackgroundQueue}: the queue's thread starts and stops with the
 * application context (in {@link #getPhase()}, which subclasses move when their queue must outlive another
 * component), so queued items are handled before shutdown goes on, for up to {@code portus.shutdown.queue-wait}
 * ({@code PORTUS_SHUTDOWN_QUEUE_WAIT}, 10 s).
 */
public abstract class QueueOwner implements SmartLifecycle {

    private Duration stopWait = BackgroundQueue.STOP_WAIT;

    @Autowired
    void shutdown(ShutdownProperties shutdown) {
        this.stopWait = shutdown.queueWait();
    }

    /** The queue whose thread this bean's lifecycle runs. */
    protected abstract BackgroundQueue<?> queue();

    @Override
    public void start() {
        queue().start();
    }

    @Override
    public void stop() {
        queue().stop(stopWait);
    }

    @Override
    public boolean isRunning() {
        return queue().isRunning();
    }
}
