variable "name_prefix" {
  description = "Prefix of every resource name, e.g. qnt9-dev."
  type        = string
}

variable "location" {
  description = "Azure region."
  type        = string
}

variable "resource_group_name" {
  description = "Resource group of the cache."
  type        = string
}

variable "vnet_id" {
  description = "VNet linked to the privatelink DNS zone."
  type        = string
}

variable "subnet_id" {
  description = "Subnet of the private endpoint."
  type        = string
}

variable "key_vault_id" {
  description = "Key Vault that receives redis-url."
  type        = string
}

variable "sku_name" {
  description = "Basic (no replica, dev only), Standard (replicated) or Premium."
  type        = string

  validation {
    condition     = contains(["Basic", "Standard", "Premium"], var.sku_name)
    error_message = "sku_name must be Basic, Standard or Premium."
  }
}

variable "capacity" {
  description = "Cache size within the family: C0 (250 MB) … C6, or P1 … P5."
  type        = number
}

variable "tags" {
  description = "Tags applied to every resource."
  type        = map(string)
}
