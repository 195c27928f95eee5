package io.passerelle.health;

public record ChecklistItem(ChecklistStep step, StepStatus status) {

    public boolean done() {
        return status == StepStatus.DONE;
    }
}
