variable "name" {
  description = "Registry name (globally unique, alphanumeric)."
  type        = string

  validation {
    condition     = can(regex("^[a-zA-Z0-9]{5,50}$", var.name))
    error_message = "ACR names are 5-50 alphanumeric characters."
  }
}

variable "location" {
  description = "Azure region."
  type        = string
}

variable "resource_group_name" {
  description = "Resource group of the registry."
  type        = string
}

variable "sku" {
  description = "Basic, Standard or Premium (Premium: retention policy, geo-replication, private link)."
  type        = string
  default     = "Standard"
}

variable "untagged_retention_days" {
  description = "Days untagged manifests are kept (Premium only)."
  type        = number
  default     = 14
}

variable "tags" {
  description = "Tags for every resource."
  type        = map(string)
  default     = {}
}
