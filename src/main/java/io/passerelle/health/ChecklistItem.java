package io.passerelle.health;

/** @param detailKey what the last check found, in plain words with what to do; null when there is nothing to add */
public record ChecklistItem(ChecklistStep step, StepStatus status, String detailKey) {

    public ChecklistItem(ChecklistStep step, StepStatus status) {
        this(step, status, null);
    }
}
