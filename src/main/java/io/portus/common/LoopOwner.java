package io.portus.common;

import org.springframework.context.SmartLifecycle;

/**
 * A bean whose work runs in its own {@link LeasedLoop}: the loop starts and stops with the application
 * context, and stopping lets the round in progress finish and hands the lease to another instance.
 */
public abstract class LoopOwner implements SmartLifecycle {

    /** The loop this bean's lifecycle runs. */
    protected abstract LeasedLoop loop();

    @Override
    public void start() {
        loop().start();
    }

    @Override
    public void stop() {
        loop().stop();
    }

    @Override
    public boolean isRunning() {
        return loop().isRunning();
    }
}
