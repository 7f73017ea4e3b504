package io.portus.common;

import org.springframework.context.SmartLifecycle;

/**
 * A bean that hands work to its own {@link BackgroundQueue}: the queue's thread starts and stops with the
 * application context (in {@link #getPhase()}, which subclasses move when their queue must outlive another
 * component), so queued items are handled before shutdown goes on.
 */
public abstract class QueueOwner implements SmartLifecycle {

    /** The queue whose thread this bean's lifecycle runs. */
    protected abstract BackgroundQueue<?> queue();

    @Override
    public void start() {
        queue().start();
    }

    @Override
    public void stop() {
        queue().stop();
    }

    @Override
    public boolean isRunning() {
        return queue().isRunning();
    }
}
