package io.portus.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The {@link ApiParams} an endpoint reads, for the OpenAPI document ({@link OpenApiDocument}): the handler reads
 * its parameters by name at run time, so nothing else tells the generator what they are. Each entry is
 * {@code name[!][:type] [description]}: {@code !} = required, type {@code string} (default), {@code integer},
 * {@code boolean}, {@code array} (of objects); {@code registry[name]} is a field {@code name} of a JSON object
 * {@code registry}. GET and DELETE take them as query parameters; POST and PUT as a JSON or form body (query
 * parameters work too, as in Portus).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface ApiFields {

    String[] value();
}
