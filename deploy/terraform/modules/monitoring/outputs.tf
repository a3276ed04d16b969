output "log_analytics_workspace_id" {
  description = "Workspace for Container Insights and Defender."
  value       = azurerm_log_analytics_workspace.this.id
}

output "application_insights_connection_string" {
  description = "Connection string for the OpenTelemetry exporter (store in Key Vault)."
  value       = azurerm_application_insights.this.connection_string
  sensitive   = true
}

output "action_group_id" {
  description = "On-call action group."
  value       = azurerm_monitor_action_group.oncall.id
}
