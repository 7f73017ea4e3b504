package io.portus.common;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.MDC;

/**
 * A background loop on one virtual thread that works only on the instance holding a {@link JobLeases}
 * lease: each turn it takes or renews the lease and, when it has it, runs one round, then pauses for what
 * the round asked (zero: go on at once) or until {@link #wakeUp()}. A failing round is reported and the loop
 * goes on after the idle pause. {@link #stop()} lets the current round finish (up to {@code stopWait}) and
 * gives the lease back so another instance can take over at once.
 */
public final class LeasedLoop {

    /**
     * Thread name, lease name and time to live, the pause when there is nothing to do (or another instance
     * holds the lease, or a round failed), and how long {@link #stop()} waits for the round in progress.
     */
    public record Settings(String thread, String lease, Duration leaseTtl, Duration idle, Duration stopWait) {
    }

    private final Settings settings;
    private final JobLeases leases;
    private final Supplier<Duration> round;
    private final Consumer<RuntimeException> onFailure;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    /** {@code round} runs while the lease is held and returns the pause before the next one. */
    public LeasedLoop(Settings settings, JobLeases leases, Supplier<Duration> round,
                      Consumer<RuntimeException> onFailure) {
        this.settings = settings;
        this.leases = leases;
        this.round = round;
        this.onFailure = onFailure;
    }

    /** New work arrived: look at once instead of after the pause. */
    public void wakeUp() {
        wake.release();
    }

    /** Renews the lease during a long round (rounds should stop early when this is false). */
    public boolean renewLease() {
        return leases.acquire(settings.lease(), settings.leaseTtl());
    }

    public synchronized void start() {
        running = true;
        thread = Thread.ofVirtual().name(settings.thread()).start(this::run);
    }

    public void stop() {
        running = false;
        wake.release();
        Thread t = thread;
        if (t != null) {
            try {
                t.join(settings.stopWait().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            leases.release(settings.lease());
        } catch (RuntimeException ignored) {
            // the lease expires on its own
        }
    }

    /** True from {@link #start()} until {@link #stop()}; long rounds check it between items. */
    public boolean isRunning() {
        return running;
    }

    private void run() {
        MDC.clear(); // a round's log lines belong to no request
        while (running) {
            Duration pause = settings.idle();
            try {
                if (renewLease()) {
                    pause = round.get();
                }
            } catch (RuntimeException e) {
                onFailure.accept(e);
            }
            if (pause.isPositive()) {
                try {
                    wake.tryAcquire(pause.toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
