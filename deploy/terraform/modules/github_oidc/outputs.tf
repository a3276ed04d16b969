output "client_id" {
  description = "GitHub environment variable AZURE_CLIENT_ID."
  value       = azurerm_user_assigned_identity.deploy.client_id
}

output "principal_id" {
  description = "Principal ID of the deploy identity."
  value       = azurerm_user_assigned_identity.deploy.principal_id
}
