package io.portus.mail;

/** One plain-text mail to one recipient. */
public record Mail(String to, String subject, String text) {

    /** Without the body, which may hold a secret link. */
    @Override
    public String toString() {
        return "Mail[to=" + to + ", subject=" + subject + "]";
    }
}
