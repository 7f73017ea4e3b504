package io.portus.registry.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a {@link RegistryStartupException} as its one-line description instead of a stack trace. */
public final class RegistryStartupFailureAnalyzer extends AbstractFailureAnalyzer<RegistryStartupException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RegistryStartupException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
