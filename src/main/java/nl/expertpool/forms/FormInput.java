package nl.expertpool.forms;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the record a form's submission becomes, in the module that works with it. The record has a
 * static {@code from(Map<String, Object>)} that is the one place naming the form's keys; a test
 * reads each such mapping against the form and fails on a key the form does not have.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface FormInput {

  /** The form's id, which is its file name in {@code forms/}. */
  String value();
}
