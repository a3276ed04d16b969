output "id" {
  description = "Registry resource ID (scope of the AcrPull/AcrPush role assignments)."
  value       = azurerm_container_registry.this.id
}

output "login_server" {
  description = "Registry login server, e.g. qnt9devacr.azurecr.io."
  value       = azurerm_container_registry.this.login_server
}
