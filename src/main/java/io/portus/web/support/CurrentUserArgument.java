package io.portus.web.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A controller parameter of type {@link io.portus.account.User} that receives the signed-in user, fresh from
 * the database; {@code required = false} gives null for anonymous requests (otherwise they are refused).
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface CurrentUserArgument {

    boolean required() default true;
}
