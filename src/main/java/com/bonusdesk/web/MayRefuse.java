package com.bonusdesk.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import com.bonusdesk.refusal.Refusal;

/**
 * The refusals of an API operation beyond those every operation can give (400, 401, 403; 404 with an id in the
 * path; 415 with a body): a {@link Refusal.WrongState} is listed as 409, a {@link Refusal.NotEligible} as 422.
 * The API description lists them, with the problem schema.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface MayRefuse {

    Class<? extends Refusal>[] value();
}
