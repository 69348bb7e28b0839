package com.bonusdesk.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;

/** An amount that may be negative (a refund): ±999,999,999,999.99, at most two decimals. */
@DecimalMin(value = "-999999999999.99", message = "{amount.signedRange}")
@DecimalMax(value = "999999999999.99", message = "{amount.signedRange}")
@Digits(integer = 12, fraction = 2, message = "{amount.digits}")
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SignedAmount {

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
