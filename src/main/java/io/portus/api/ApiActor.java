package io.portus.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link io.portus.account.User} handler parameter as the caller of the API, from the
 * {@code Portus-Auth} header: 401 without a valid one, 403 when {@link #admin()} and not an admin.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@interface ApiActor {

    boolean admin() default false;
}
