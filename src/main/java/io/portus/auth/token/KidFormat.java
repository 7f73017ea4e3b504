package io.portus.auth.token;

/** How the JWT {@code kid} is written: libtrust (distribution 2.x, Portus) or RFC 7638 thumbprint (3.x). */
public enum KidFormat {
    LIBTRUST, THUMBPRINT
}
