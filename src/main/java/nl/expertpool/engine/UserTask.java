package nl.expertpool.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An open Camunda user task.
 *
 * @param name the element's name in the model (what Tasklist shows)
 * @param formId id of the linked form in {@code forms/}, or null when the task links none
 * @param variables the variables visible to the task (its own scope and every enclosing one)
 */
public record UserTask(
    long key,
    String name,
    String elementId,
    String formId,
    List<String> candidateGroups,
    List<String> candidateUsers,
    String assignee,
    long processInstanceKey,
    String bpmnProcessId,
    long processDefinitionKey,
    Map<String, Object> variables,
    Instant createdAt,
    Instant dueDate,
    int priority) {}
